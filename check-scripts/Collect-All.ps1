<#
.SYNOPSIS
    Runs every arr502 collector with a time budget and writes one evidence folder for check_arr502 triage --evidence.
.DESCRIPTION
    Each collector runs as its own PowerShell process with a deadline; one that hangs is stopped and recorded in
    manifest.json as timed out, so a single stuck counter query cannot stall the whole collection. The folder holds
    one .json per collector plus manifest.json.
.PARAMETER OutDir
    Evidence folder to write.
.PARAMETER BudgetSeconds
    Total time budget; each collector gets at most what is left.
.PARAMETER CollectorTimeoutSeconds
    Deadline of one collector.
.EXAMPLE
    .\Collect-All.ps1 -OutDir C:\ProgramData\arr502\evidence -BudgetSeconds 60
    check_arr502.cmd triage --evidence C:\ProgramData\arr502\evidence --logs C:\inetpub\logs\LogFiles\W3SVC1
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)][string]$OutDir,
    [ValidateRange(5, 3600)][int]$BudgetSeconds = 60,
    [ValidateRange(1, 600)][int]$CollectorTimeoutSeconds = 20
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
. (Join-Path -Path $PSScriptRoot -ChildPath 'Arr502Common.ps1')

$collectors = [ordered]@{
    'eventlog'      = 'Get-Arr502EventLog.ps1'
    'counters'      = 'Get-Arr502Counters.ps1'
    'winhttp-proxy' = 'Get-Arr502WinHttpProxy.ps1'
    'config'        = 'Get-Arr502Config.ps1'
    'freb-listing'  = 'Get-Arr502FrebListing.ps1'
    'backends'      = 'Test-Arr502Backends.ps1'
}

try {
    New-Item -ItemType Directory -Force -Path $OutDir | Out-Null
    $shell = (Get-Process -Id $PID).Path
    $deadline = (Get-Date).AddSeconds($BudgetSeconds)
    $entries = @()
    foreach ($name in $collectors.Keys) {
        $script = Join-Path -Path $PSScriptRoot -ChildPath $collectors[$name]
        $out = Join-Path -Path $OutDir -ChildPath "$name.json"
        $err = Join-Path -Path $OutDir -ChildPath "$name.stderr.txt"
        $left = [int][Math]::Floor(($deadline - (Get-Date)).TotalSeconds)
        $limit = [Math]::Min($CollectorTimeoutSeconds, $left)
        if ($limit -le 0) {
            $entries += [ordered]@{ collector = $name; file = "$name.json"; exitCode = -1; durationMs = 0; timedOut = $true; skipped = $true }
            continue
        }
        $started = Get-Date
        $p = Start-Process -FilePath $shell -ArgumentList @('-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', "`"$script`"") `
            -RedirectStandardOutput $out -RedirectStandardError $err -NoNewWindow -PassThru
        $finished = $p.WaitForExit($limit * 1000)
        if (-not $finished) {
            Stop-Process -Id $p.Id -Force -ErrorAction SilentlyContinue
        }
        $entries += [ordered]@{
            collector  = $name
            file       = "$name.json"
            exitCode   = $(if ($finished) { $p.ExitCode } else { -1 })
            durationMs = [int]((Get-Date) - $started).TotalMilliseconds
            timedOut   = -not $finished
            skipped    = $false
        }
    }
    $manifest = [ordered]@{ collectors = $entries; budgetSeconds = $BudgetSeconds }
    $doc = Write-Arr502Document -Schema 'manifest' -Data $manifest
    Set-Content -LiteralPath (Join-Path -Path $OutDir -ChildPath 'manifest.json') -Value $doc -Encoding UTF8
    Write-Output $doc
    exit 0
} catch {
    Write-Arr502Error -Schema 'manifest' -Message $_.Exception.Message
    exit 2
}
