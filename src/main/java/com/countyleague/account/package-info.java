/**
 * Accounts, sign-in and security: who is calling ({@link com.countyleague.account.Actors}), what
 * their role lets them reach, and the login log, operation log and online users an auditor asks for.
 */
package com.countyleague.account;
