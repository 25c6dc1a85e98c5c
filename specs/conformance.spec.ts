// The product's vitest entry: every rule × action in one file, so one run shares one budget,
// one ledger and one token minter (ec2-idem run and npm start use it).
import { conformanceTests } from './conformanceTests.ts';

conformanceTests();
