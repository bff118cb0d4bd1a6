-- A sign-in refused for a missing or wrong captcha is logged as such; failures are counted per address too.
alter table login_log drop constraint login_log_result_check;
alter table login_log add constraint login_log_result_check
    check (result in ('SUCCESS', 'BAD_CREDENTIALS', 'LOCKED', 'DISABLED', 'LOGOUT', 'FORCED_LOGOUT', 'UNLOCKED', 'CAPTCHA'));
create index login_log_ip on login_log (ip, at desc);
