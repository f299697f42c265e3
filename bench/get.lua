-- GET the URL given to wrk, as a browser behind the TLS proxy would.
-- BENCH_COOKIE (optional): the Cookie header, e.g. a staff session.
wrk.headers["X-Forwarded-Proto"] = "https"
wrk.headers["Accept-Language"] = "ka"
local cookie = os.getenv("BENCH_COOKIE")
if cookie and cookie ~= "" then
   wrk.headers["Cookie"] = cookie
end

dofile(os.getenv("BENCH_DIR") .. "/report.lua")
