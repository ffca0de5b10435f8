// Site settings (title, description, base URL, language) and the path prefix.
import { parse } from 'yaml';

export interface SiteSettings {
  title: string;
  description: string;
  /** Absolute URL where the site is published, for feeds and canonical links ("https://example.org/archive/"). */
  baseUrl: string;
  language: string;
}

export const DEFAULT_SETTINGS: SiteSettings = {
  title: 'Dateline archive',
  description: 'A cross-linked archive of news articles: browse by person, organisation, place and date.',
  baseUrl: 'http://localhost:8080/',
  language: 'en',
};

/** Parse `site.yaml`; unknown keys are an error so typos do not pass silently. */
export function parseSettings(text: string, file: string): SiteSettings {
  const raw = (parse(text) ?? {}) as Record<string, unknown>;
  for (const k of Object.keys(raw)) {
    if (!(k in DEFAULT_SETTINGS)) throw new Error(`${file}: unknown setting \`${k}\` (expected ${Object.keys(DEFAULT_SETTINGS).join(', ')})`);
  }
  const s = { ...DEFAULT_SETTINGS, ...(raw as Partial<SiteSettings>) };
  if (!/^https?:\/\//.test(s.baseUrl)) throw new Error(`${file}: \`baseUrl\` must be an absolute http(s) URL`);
  if (!s.baseUrl.endsWith('/')) s.baseUrl += '/';
  return s;
}

/** Normalise a path prefix to "/" or "/a/b/". */
export function normalizePrefix(prefix: string | undefined): string {
  if (!prefix || prefix === '/') return '/';
  const p = `/${prefix.replace(/^\/+|\/+$/g, '')}/`;
  if (p.includes('..') || /[?#\\]/.test(p)) throw new Error(`invalid path prefix: ${prefix}`);
  return p;
}
