// Research pages and entity-page fragments: timeline, connections, quotations, bio lines.
export { timelinePage, eventLi, TIMELINE_PATH } from './timeline.ts';
export { connectionsPage, CONNECTIONS_PATH } from './connections.ts';
export { bioLine, entityQuotesSection, entityEventsSection, entityNetworkSection } from './entity.ts';
export { networkSvg } from './network.ts';
