import { conformanceTests } from '../conformanceTests.ts';

conformanceTests(['RETRY-ADVICE']);
