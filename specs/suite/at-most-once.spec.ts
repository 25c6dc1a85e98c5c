import { conformanceTests } from '../conformanceTests.ts';

conformanceTests(['AT-MOST-ONCE']);
