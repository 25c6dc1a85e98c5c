import { conformanceTests } from '../conformanceTests.ts';

conformanceTests(['DRYRUN']);
