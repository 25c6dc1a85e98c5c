// Every unit test talks only to servers it starts on 127.0.0.1; nothing may reach a real cloud.
import nock from 'nock';

process.env.AWS_EC2_METADATA_DISABLED = 'true';
process.env.AWS_CONFIG_FILE = '/nonexistent/ec2-idem/config';
process.env.AWS_SHARED_CREDENTIALS_FILE = '/nonexistent/ec2-idem/credentials';
// nock guards node:http clients (the AWS SDK); undici clients are pinned to loopback by the tests themselves.
nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
