import { conformanceTests } from '../conformanceTests.ts';

conformanceTests(['TOKEN-CASE']);
