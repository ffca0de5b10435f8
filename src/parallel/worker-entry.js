// Worker thread entry: load TypeScript through tsx, then the ingest worker.
import { register } from 'tsx/esm/api';
register();
await import('./ingest-worker.ts');
