/**
 * Why an Application Password was refused, from the evidence (the witnesses are asked against the
 * real WordPress in test/integration/connect-*.test.ts; here every combination of answers).
 */
import { describe, expect, it } from 'vitest';
import { explainRejection, type RejectionEvidence } from '../../../src/background/sites/password-diagnosis.ts';

const nothingYet: RejectionEvidence = {
  restCode: 'rest_not_logged_in',
  siteOffers: true,
  passwordFresh: false,
  account: 'unknown',
  header: 'not-asked',
  xmlrpc: 'not-asked',
};
const explain = (evidence: Partial<RejectionEvidence>) => explainRejection({ ...nothingYet, ...evidence });

describe('explainRejection', () => {
  it('the site or the account without Application Passwords comes first, whatever else was seen', () => {
    expect(explain({ siteOffers: false, xmlrpc: 'rejected' })).toEqual({ kind: 'site-off' });
    expect(explain({ restCode: 'application_passwords_disabled' })).toEqual({ kind: 'site-off' });
    expect(explain({ account: 'site-off' })).toEqual({ kind: 'site-off' });
    expect(explain({ account: 'account-off', xmlrpc: 'rejected' })).toEqual({ kind: 'account-off' });
    expect(explain({ restCode: 'application_passwords_disabled_for_user' })).toEqual({ kind: 'account-off' });
  });

  it('WordPress’s own "wrong" codes (sent where a plugin asks for the user early) settle it', () => {
    for (const restCode of ['incorrect_password', 'invalid_username', 'invalid_email']) {
      expect(explain({ restCode })).toEqual({ kind: 'wrong', certain: true });
    }
  });

  it('accepted over XML-RPC, or freshly made by WordPress: the header is stripped and the password right', () => {
    expect(explain({ xmlrpc: 'valid' })).toEqual({ kind: 'header-stripped', passwordRight: true });
    expect(explain({ passwordFresh: true })).toEqual({ kind: 'header-stripped', passwordRight: true });
  });

  it('WordPress’s header check finding it missing: stripped', () => {
    expect(explain({ xmlrpc: 'disabled', header: 'missing' })).toEqual({
      kind: 'header-stripped',
      passwordRight: false,
    });
  });

  it('refused over XML-RPC (or the header arrives): wrong — certain only where the account may use them', () => {
    expect(explain({ xmlrpc: 'rejected', account: 'available' })).toEqual({ kind: 'wrong', certain: true });
    expect(explain({ xmlrpc: 'rejected' })).toEqual({ kind: 'wrong', certain: false });
    expect(explain({ xmlrpc: 'disabled', header: 'arrives', account: 'available' })).toEqual({
      kind: 'wrong',
      certain: true,
    });
  });

  it('waits for a witness not asked yet, and says "cannot tell" (and why) when none could', () => {
    expect(explain({})).toBeNull();
    expect(explain({ xmlrpc: 'disabled' })).toBeNull();
    expect(explain({ xmlrpc: 'disabled', header: 'unknown' })).toEqual({ kind: 'cannot-tell', xmlrpc: 'disabled' });
    expect(explain({ xmlrpc: 'blocked', header: 'unknown' })).toEqual({ kind: 'cannot-tell', xmlrpc: 'blocked' });
    expect(explain({ xmlrpc: 'unreachable', header: 'unknown' })).toEqual({
      kind: 'cannot-tell',
      xmlrpc: 'unreachable',
    });
  });
});
