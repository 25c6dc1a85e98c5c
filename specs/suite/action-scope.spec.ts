import { conformanceTests } from '../conformanceTests.ts';

conformanceTests(['ACTION-SCOPE']);
