<#
.SYNOPSIS
    The ARR configuration as appcmd prints it: proxy (effective values), webFarms, global and per-site rewrite rules.
.DESCRIPTION
    Runs appcmd list config with /config:* (defaults included) and /xml for system.webServer/proxy and webFarms,
    /xml for system.webServer/rewrite/globalRules, and system.webServer/rewrite/rules for every site. The XML is
    passed through as strings, keyed by section ("system.webServer/rewrite/rules@<site>" for a site's rules).
    Prints one JSON document (schema arr502.config).
.PARAMETER AppCmd
    Path of appcmd.exe.
.EXAMPLE
    .\Get-Arr502Config.ps1
#>
[CmdletBinding()]
param(
    [string]$AppCmd = (Join-Path -Path $env:windir -ChildPath 'system32\inetsrv\appcmd.exe')
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
. (Join-Path -Path $PSScriptRoot -ChildPath 'Arr502Common.ps1')

function Invoke-Arr502AppCmd {
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string[]]$Arguments)
    $out = (& $AppCmd @Arguments | Out-String)
    if ($LASTEXITCODE -ne 0) {
        throw ("appcmd {0} exited {1}: {2}" -f ($Arguments -join ' '), $LASTEXITCODE, $out.Trim())
    }
    return $out
}

try {
    if (-not (Test-Path -LiteralPath $AppCmd)) {
        throw "appcmd not found at $AppCmd (is IIS installed?)"
    }
    $sections = [ordered]@{}
    $sections['system.webServer/proxy'] = Invoke-Arr502AppCmd -Arguments @('list', 'config', '-section:system.webServer/proxy', '/config:*', '/xml')
    $sections['webFarms'] = Invoke-Arr502AppCmd -Arguments @('list', 'config', '-section:webFarms', '/config:*', '/xml')
    $sections['system.webServer/rewrite/globalRules'] = Invoke-Arr502AppCmd -Arguments @('list', 'config', '-section:system.webServer/rewrite/globalRules', '/xml')
    $sites = @((Invoke-Arr502AppCmd -Arguments @('list', 'site', '/text:name')) -split '\r?\n' | Where-Object -FilterScript { $_ -ne '' })
    foreach ($site in $sites) {
        $sections["system.webServer/rewrite/rules@$site"] = Invoke-Arr502AppCmd -Arguments @('list', 'config', $site, '-section:system.webServer/rewrite/rules', '/xml')
    }
    Write-Arr502Document -Schema 'config' -Data ([ordered]@{ sections = $sections })
    exit 0
} catch {
    Write-Arr502Error -Schema 'config' -Message $_.Exception.Message
    exit 2
}
