-- Headless Neovim (>= 0.7) LSP probe: asl-guard-language-server over stdio, diagnostics, quick fix.
-- usage: nvim --headless -n -i NONE -u lsp-probe.lua FILE   (asl-guard-language-server on PATH)
-- Neovim 0.7 notes: no vim.lsp.start (0.8+); print() goes to stderr in headless mode; a Lua error in
-- an autocmd leaves nvim waiting, hence xpcall + cquit; vim.diagnostic keeps the LSP code/data in
-- user_data.lsp but not the range, so the LSP diagnostic is rebuilt for the code action request.
local out = function(s) io.stdout:write(s .. '\n') end
local passed, failed = 0, 0
local function check(ok, what)
  if ok then passed = passed + 1; out('ok: ' .. what) else failed = failed + 1; out('FAIL: ' .. what) end
  return ok
end
local function finish()
  out(string.format('nvim-lsp: %d passed, %d failed', passed, failed))
  vim.cmd(failed == 0 and 'qa!' or 'cquit 1')
end

local function lsp_code(d) return (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or d.code end

local function main()
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'asl-guard',
    cmd = { 'asl-guard-language-server', '--stdio' },
    root_dir = vim.fn.getcwd(),
    on_exit = function(code, signal) if code ~= 0 then out('server exited with code ' .. code .. ' signal ' .. signal) end end,
  })
  if not check(client_id ~= nil, 'asl-guard-language-server --stdio started') then return finish() end
  vim.bo[bufnr].filetype = 'json'
  vim.lsp.buf_attach_client(bufnr, client_id)
  local client = vim.lsp.get_client_by_id(client_id)

  -- 1. diagnostics pushed by the server (Neovim 0.7 has no pull diagnostics)
  local typo
  vim.wait(20000, function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do if lsp_code(d) == 'ASL003' then typo = d end end
    return typo ~= nil
  end, 50)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    out(string.format('  diagnostic %d:%d %s %s [%s]', d.lnum + 1, d.col + 1, lsp_code(d) or '?', d.message, d.source or ''))
  end
  if not check(typo ~= nil, 'ASL003 diagnostic received for the typo\'d Next') then return finish() end
  local line = vim.api.nvim_buf_get_lines(bufnr, typo.lnum, typo.lnum + 1, false)[1]
  check(line:sub(typo.col + 1, typo.end_col) == '"Recipt"', 'diagnostic range is exactly the value "Recipt" (got ' .. line:sub(typo.col + 1, typo.end_col) .. ')')

  -- 2. the quick fix offered for it, applied as the user would (codeAction, then resolve if needed)
  local extra = (typo.user_data and typo.user_data.lsp) or {}
  local lsp_diag = {
    range = { start = { line = typo.lnum, character = typo.col }, ['end'] = { line = typo.end_lnum, character = typo.end_col } },
    message = typo.message, source = typo.source, severity = typo.severity, code = extra.code or typo.code, data = extra.data,
  }
  local resp = client.request_sync('textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = lsp_diag.range,
    context = { diagnostics = { lsp_diag }, only = { 'quickfix' } },
  }, 10000, bufnr)
  local actions = (resp and resp.result) or {}
  for _, a in ipairs(actions) do out('  code action: ' .. a.title) end
  local fix
  for _, a in ipairs(actions) do if a.title == 'Change to "Receipt"' then fix = a end end
  if not check(fix ~= nil, 'quick fix \'Change to "Receipt"\' offered' .. (resp and resp.err and (' (error: ' .. vim.inspect(resp.err) .. ')') or '')) then return finish() end
  if not fix.edit then
    local resolved = client.request_sync('codeAction/resolve', fix, 10000, bufnr)
    fix = (resolved and resolved.result) or fix
  end
  if not check(fix.edit ~= nil, 'quick fix carries a workspace edit') then return finish() end
  vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding)
  line = vim.api.nvim_buf_get_lines(bufnr, typo.lnum, typo.lnum + 1, false)[1]
  check(line:find('"Next": "Receipt"', 1, true) ~= nil, 'buffer now reads ' .. vim.trim(line))

  -- 3. the server re-validates after didChange: every diagnostic clears (the ASL004 one too)
  local cleared = vim.wait(20000, function() return #vim.diagnostic.get(bufnr) == 0 end, 50)
  check(cleared, 'all diagnostics cleared after the fix')
  vim.lsp.stop_client(client_id)
  finish()
end

vim.api.nvim_create_autocmd('VimEnter', { callback = function()
  local ok, err = xpcall(main, debug.traceback)
  if not ok then out('FAIL: ' .. tostring(err)); vim.cmd('cquit 1') end
end })
