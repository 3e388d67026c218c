import 'fake-indexeddb/auto';
import { configure } from '@testing-library/preact';

// Component tests wait for what the user would see; on a busy 2-core machine (the suite runs
// WordPress, MariaDB and Chromium beside them) a second is not always enough. Waiting longer
// changes no verdict: a test that should fail still fails, only later.
configure({ asyncUtilTimeout: 5000 });
