// npm run eval: how well Practice Companion answers the evaluation questions, and how its safety net routes messages.
import { loadKnowledgeBase } from '../knowledge/kb/load';
import { formatProblem } from '../knowledge/kb/problems';
import { printRanking } from './ranking-report';
import { printSafety } from './safety-report';

const loaded = loadKnowledgeBase();
if (!loaded.ok) {
  console.error(loaded.problems.map(formatProblem).join('\n'));
  process.exit(1);
}
printRanking(loaded.kb);
printSafety(loaded.kb);
