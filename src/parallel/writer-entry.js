// Writer thread entry: load TypeScript through tsx, then the writer.
import { register } from 'tsx/esm/api';
register();
await import('./writer-worker.ts');
