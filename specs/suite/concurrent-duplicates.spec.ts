import { conformanceTests } from '../conformanceTests.ts';

conformanceTests(['CONCURRENT-DUPLICATES']);
