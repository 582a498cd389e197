-- wrk script of bench/load: signed-in clients, and one line of figures at the end.
--
-- GANDAN_COOKIES holds the session cookies of the signed-in clients (space-separated values of gandan_session);
-- GANDAN_THREADS is wrk's -t. Each thread takes its share of the sessions and sends them in turn, so every request
-- is a signed-in one and the server sees as many sessions as clients. An answer other than 200 (a sign-in redirect,
-- a 500) is counted as an error, as are wrk's connect, read, write and timeout errors.
local threads = {}
local next_id = 0

function setup(thread)
    thread:set("id", next_id)
    next_id = next_id + 1
    table.insert(threads, thread)
end

function init(args)
    local count = tonumber(os.getenv("GANDAN_THREADS") or "1")
    mine = {}
    local all = {}
    for cookie in string.gmatch(os.getenv("GANDAN_COOKIES") or "", "%S+") do
        if #all % count == id then table.insert(mine, cookie) end
        table.insert(all, cookie)
    end
    -- Fewer sessions than threads: every thread sends them all.
    if #mine == 0 then mine = all end
    sent = 0
    not_ok = 0
end

function request()
    sent = sent + 1
    if #mine == 0 then return wrk.format(nil, nil, {}) end
    return wrk.format(nil, nil, { ["Cookie"] = "gandan_session=" .. mine[(sent % #mine) + 1] })
end

function response(status, headers, body)
    if status ~= 200 then not_ok = not_ok + 1 end
end

function done(summary, latency, requests)
    local bad = 0
    for _, thread in ipairs(threads) do bad = bad + thread:get("not_ok") end
    local e = summary.errors
    io.write(string.format(
        "RESULT requests=%d duration_us=%d errors=%d not_ok=%d p50_us=%d p95_us=%d p99_us=%d max_us=%d\n",
        summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout + bad, bad,
        latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
