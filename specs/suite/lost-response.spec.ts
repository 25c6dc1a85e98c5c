import { conformanceTests } from '../conformanceTests.ts';

conformanceTests(['LOST-RESPONSE']);
