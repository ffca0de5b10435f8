// `serve`: build once, then Eleventy's dev server with live reload; raw changes re-ingest.
import { watch } from 'node:fs';
import { Eleventy } from '@11ty/eleventy';
import { resolve } from 'node:path';
import { defaultMarkdownDir } from './build.ts';
import { ingestDir } from './io/ingest-dir.ts';
import { CONFIG_PATH } from './site/build-site.ts';

export async function serve(rawDir: string, siteDir: string, opts: { port: number }): Promise<void> {
  const markdownDir = defaultMarkdownDir(siteDir);
  const first = await ingestDir(rawDir, markdownDir);
  for (const x of first.rejected) process.stderr.write(`rejected: ${x.file}: ${x.reason}\n`);
  const elev = new Eleventy(resolve(markdownDir), resolve(siteDir), { configPath: CONFIG_PATH, quietMode: false, runMode: 'serve' });
  await elev.init();
  await elev.watch();
  await elev.serve(opts.port);
  let timer: NodeJS.Timeout | undefined;
  watch(rawDir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      ingestDir(rawDir, markdownDir).then(
        (r) => r.rejected.forEach((x) => process.stderr.write(`rejected: ${x.file}: ${x.reason}\n`)),
        (e: Error) => process.stderr.write(`error: ${e.message}\n`),
      );
    }, 200);
  });
}
