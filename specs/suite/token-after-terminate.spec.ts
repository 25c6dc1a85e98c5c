import { conformanceTests } from '../conformanceTests.ts';

conformanceTests(['TOKEN-AFTER-TERMINATE']);
