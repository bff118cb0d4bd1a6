/**
 * Activities of branches and groups: sign-up with a waiting list, check-in by rotating QR code or
 * 6-digit code, online check-in tasks, activity records with photos; publishes check-in events.
 */
package com.countyleague.activity;
