// Worker thread entry: load TypeScript through tsx, then the Eleventy worker.
import { register } from 'tsx/esm/api';
register();
await import('./eleventy-worker.ts');
