import { conformanceTests } from '../conformanceTests.ts';

conformanceTests(['SAME-RESPONSE']);
