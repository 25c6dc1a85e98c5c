import { conformanceTests } from '../conformanceTests.ts';

conformanceTests(['PARAM-MISMATCH']);
