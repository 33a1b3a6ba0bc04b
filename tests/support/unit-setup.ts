// Runs in every unit test file: databases from createTestDb are closed (and on PostgreSQL dropped)
// when the file is done, also when a test did not close its own.
import { afterAll } from 'vitest';
import { closeAllTestDbs } from './db';

afterAll(closeAllTestDbs);
