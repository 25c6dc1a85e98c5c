import { conformanceTests } from '../conformanceTests.ts';

conformanceTests(['EQUIVALENT-ENCODING']);
