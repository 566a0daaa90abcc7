import type { KnowledgeBase } from '../knowledge/kb/model';

/** "This chat uses the Barking & Dagenham …": a framework's full name, or its id if the knowledge base has no such framework. */
export const frameworkName = (kb: KnowledgeBase, id: string): string => kb.framework(id)?.name ?? id;
