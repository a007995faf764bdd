/** The line the in-host suite prints its counts on, for the e2e test that runs it (and for people). */
export const RESULT_PREFIX = 'qualframe-host-tests:';

export interface HostResult {
  passed: number;
  failed: number;
  skipped: number;
}
