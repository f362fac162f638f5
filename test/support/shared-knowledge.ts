import { loadKnowledgeBase, type KnowledgeBase } from '../../knowledge';

/**
 * The bundled knowledge base, loaded once per test process (a mocha worker in parallel mode) for
 * every test that only reads it: a load validates every table and article (about a second of CPU),
 * and the suite loaded the same folder some hundred times. Tests that load a copy of their own,
 * break a file, pass load options, watch a folder or measure a load's memory keep calling
 * `loadKnowledgeBase` themselves.
 */
let shared: KnowledgeBase | undefined;
export function sharedKnowledgeBase(): KnowledgeBase {
  shared ??= loadKnowledgeBase();
  return shared;
}
