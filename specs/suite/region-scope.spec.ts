import { conformanceTests } from '../conformanceTests.ts';

conformanceTests(['REGION-SCOPE']);
