// Runs in every HTTP and browser test file: handles opened on the servers' databases are closed
// when the file is done.
import { afterAll } from 'vitest';
import { closeOpenedDbs } from './db';

afterAll(closeOpenedDbs);
