import { conformanceTests } from '../conformanceTests.ts';

conformanceTests(['DESCRIBE-TOKEN']);
