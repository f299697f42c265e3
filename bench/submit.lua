-- POST the letter form as a verified citizen: each request registers a letter.
-- BENCH_COOKIE: the citizen's session cookie; BENCH_CSRF: a 32-character CSRF
-- secret, sent as the csrftoken cookie and as the form's token (Django accepts
-- the unmasked secret); BENCH_ORIGIN: https://host:port; BENCH_ADDRESSEE: the
-- form's addressee value; BENCH_RUN: a number that makes this run's keys unique.
local csrf = os.getenv("BENCH_CSRF")
local run = tonumber(os.getenv("BENCH_RUN"))
local addressee = os.getenv("BENCH_ADDRESSEE")
local threads = 0

wrk.method = "POST"
wrk.headers["X-Forwarded-Proto"] = "https"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Origin"] = os.getenv("BENCH_ORIGIN")
wrk.headers["Referer"] = os.getenv("BENCH_ORIGIN") .. "/"
wrk.headers["Cookie"] = os.getenv("BENCH_COOKIE") .. "; csrftoken=" .. csrf

function setup(thread)
   threads = threads + 1
   thread:set("thread_id", threads)
end

local counter = 0

local function escape(text)
   return (text:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function request()
   counter = counter + 1
   -- A fresh submission key per request: a repeated key would return the
   -- first letter instead of registering a new one.
   local key = string.format("%08x-%04x-4000-8000-%012x", run, thread_id, counter)
   local fields = {
      "csrfmiddlewaretoken=" .. csrf,
      "submission_key=" .. key,
      "addressee=" .. escape(addressee),
      "kind=application",
      "subject=" .. escape("Street lighting does not work"),
      "body=" .. escape("The street lights on our street have not worked for three weeks."),
      "author_name=" .. escape("Bench Citizen"),
      "author_address=" .. escape("1 Rustaveli Street"),
      "publication=private",
   }
   return wrk.format(nil, nil, nil, table.concat(fields, "&"))
end

dofile(os.getenv("BENCH_DIR") .. "/report.lua")
