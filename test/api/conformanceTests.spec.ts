// The vitest entry as a vendor calls it in a spec file of their own: a plugin's action and rule run
// as tests against the embedded emulator, which serves the plugin's emulator action.
import { conformanceTests } from '../../api/index.ts';
import { gatewayPlugin } from './support/gatewayPlugin.ts';

conformanceTests({ plugins: [gatewayPlugin], actions: ['CreateCarrierGateway'], only: ['SAME-RESPONSE', 'AT-MOST-ONCE', 'GW-SAME-ID'], runs: 5, seed: 11 });
