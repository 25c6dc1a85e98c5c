import { conformanceTests } from '../conformanceTests.ts';

conformanceTests(['ACCOUNT-SCOPE']);
