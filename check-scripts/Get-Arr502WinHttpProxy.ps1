<#
.SYNOPSIS
    The machine-wide WinHTTP proxy (netsh winhttp show proxy), which ARR's WinHTTP calls to the backends go through.
.DESCRIPTION
    Parses "Direct access (no proxy server)." or "Proxy Server(s) : host:port" with "Bypass List : …" and keeps the
    raw text. Prints one JSON document (schema arr502.winhttp-proxy).
.EXAMPLE
    .\Get-Arr502WinHttpProxy.ps1
#>
[CmdletBinding()]
param()
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
. (Join-Path -Path $PSScriptRoot -ChildPath 'Arr502Common.ps1')

try {
    $netsh = Join-Path -Path $env:windir -ChildPath 'system32\netsh.exe'
    $raw = (& $netsh winhttp show proxy | Out-String)
    if ($LASTEXITCODE -ne 0) {
        throw "netsh exited $LASTEXITCODE"
    }
    $direct = $raw -match 'Direct access \(no proxy server\)'
    $server = $null
    $bypass = $null
    if ($raw -match 'Proxy Server\(s\)\s*:\s*(.+)') {
        $server = $Matches[1].Trim()
    }
    if ($raw -match 'Bypass List\s*:\s*(.+)') {
        $bypass = $Matches[1].Trim()
    }
    Write-Arr502Document -Schema 'winhttp-proxy' -Data ([ordered]@{ direct = $direct; proxyServer = $server; bypassList = $bypass; raw = $raw })
    exit 0
} catch {
    Write-Arr502Error -Schema 'winhttp-proxy' -Message $_.Exception.Message
    exit 2
}
