<#
.SYNOPSIS
    Runs every arr502 collector with a time budget and writes one evidence folder for check_arr502 triage --evidence.
.DESCRIPTION
    Each collector runs as its own PowerShell process with a deadline; one that hangs is stopped and recorded in
    manifest.json as timed out, so a single stuck counter query cannot stall the whole collection. The folder holds
    one .json per collector plus manifest.json, and FailedReqLogFiles\ with copies of the newest traces.
    Each collector writes its own file (-OutFile) as ASCII-escaped UTF-8, so the console's OEM code page never
    touches the evidence; what a collector prints anyway goes to <name>.stdout.txt. The process handle is read
    right after Start-Process: without it Windows PowerShell leaves ExitCode null (PowerShell/PowerShell#5421,
    #20716); an exit code still unknown is written as null with exitCodeKnown = false, never as 0.
.PARAMETER OutDir
    Evidence folder to write.
.PARAMETER BudgetSeconds
    Total time budget; each collector gets at most what is left.
.PARAMETER CollectorTimeoutSeconds
    Deadline of one collector.
.PARAMETER CounterSeconds
    How long the counters are sampled live (every 2 s) when no counter log is installed. The counters collector's
    deadline grows with it; the budget must allow it. A short sample is a snapshot of the window, and the document
    says how many seconds it covers. With the counter log of Install-Arr502CounterLog.ps1 the collector reads the
    last WindowMinutes (at most 360) from it instead.
.PARAMETER WindowMinutes
    The triage window: event log entries and FREB traces of the last WindowMinutes are collected.
.EXAMPLE
    .\Collect-All.ps1 -OutDir C:\ProgramData\arr502\evidence -BudgetSeconds 60
    check_arr502.cmd triage --evidence C:\ProgramData\arr502\evidence --logs C:\inetpub\logs\LogFiles\W3SVC1
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)][string]$OutDir,
    [ValidateRange(5, 3600)][int]$BudgetSeconds = 60,
    [ValidateRange(1, 600)][int]$CollectorTimeoutSeconds = 20,
    [ValidateRange(1, 43200)][int]$WindowMinutes = 60,
    [ValidateRange(2, 3600)][int]$CounterSeconds = 10
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
. (Join-Path -Path $PSScriptRoot -ChildPath 'Arr502Common.ps1')

# collector name -> script and its own arguments (each also gets -OutFile)
$collectors = [ordered]@{
    'eventlog'      = @('Get-Arr502EventLog.ps1', '-WindowMinutes', "$WindowMinutes")
    'counters'      = @('Get-Arr502Counters.ps1', '-WindowMinutes', "$([Math]::Min(360, $WindowMinutes))", '-SampleInterval', '2', '-MaxSamples', "$([Math]::Max(1, [int]($CounterSeconds / 2)))")
    'winhttp-proxy' = @('Get-Arr502WinHttpProxy.ps1')
    'config'        = @('Get-Arr502Config.ps1')
    'freb-listing'  = @('Get-Arr502FrebListing.ps1', '-WindowMinutes', "$WindowMinutes", '-CopyTo', "`"$(Join-Path -Path $OutDir -ChildPath 'FailedReqLogFiles')`"")
    'backends'      = @('Test-Arr502Backends.ps1', '-DeadlineSeconds', "$([Math]::Max(3, $CollectorTimeoutSeconds - 3))")
}

try {
    New-Item -ItemType Directory -Force -Path $OutDir | Out-Null
    $shell = (Get-Process -Id $PID).Path
    $deadline = (Get-Date).AddSeconds($BudgetSeconds)
    $entries = @()
    foreach ($name in $collectors.Keys) {
        $script = Join-Path -Path $PSScriptRoot -ChildPath $collectors[$name][0]
        $out = Join-Path -Path $OutDir -ChildPath "$name.json"
        $stdout = Join-Path -Path $OutDir -ChildPath "$name.stdout.txt"
        $err = Join-Path -Path $OutDir -ChildPath "$name.stderr.txt"
        $left = [int][Math]::Floor(($deadline - (Get-Date)).TotalSeconds)
        $own = $(if ($name -eq 'counters') { [Math]::Max($CollectorTimeoutSeconds, $CounterSeconds + 10) } else { $CollectorTimeoutSeconds })
        $limit = [Math]::Min($own, $left)
        if ($limit -le 0) {
            $entries += [ordered]@{ collector = $name; file = "$name.json"; exitCode = -1; exitCodeKnown = $true; durationMs = 0; timedOut = $true; skipped = $true }
            continue
        }
        $started = Get-Date
        $arguments = @('-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', "`"$script`"") +
            @($collectors[$name] | Select-Object -Skip 1) + @('-OutFile', "`"$out`"")
        $p = Start-Process -FilePath $shell -ArgumentList $arguments `
            -RedirectStandardOutput $stdout -RedirectStandardError $err -NoNewWindow -PassThru
        # read the handle now: Windows PowerShell only fills ExitCode for a process whose handle was taken (#5421, #20716)
        $handle = $p.Handle
        $finished = $p.WaitForExit($limit * 1000)
        $code = -1
        $known = $true
        if ($finished) {
            $p.WaitForExit()
            $code = $p.ExitCode
            $known = ($null -ne $code) -and ($null -ne $handle)
        } else {
            Stop-Process -Id $p.Id -Force -ErrorAction SilentlyContinue
        }
        $entries += [ordered]@{
            collector     = $name
            file          = "$name.json"
            exitCode      = $(if ($known) { $code } else { $null })
            exitCodeKnown = $known
            durationMs    = [int]((Get-Date) - $started).TotalMilliseconds
            timedOut      = -not $finished
            skipped       = $false
        }
    }
    $manifest = [ordered]@{ collectors = $entries; budgetSeconds = $BudgetSeconds; windowMinutes = $WindowMinutes; identity = (Get-Arr502Identity) }
    $path = Join-Path -Path $OutDir -ChildPath 'manifest.json'
    Write-Arr502Document -Schema 'manifest' -Data $manifest -OutFile $path
    Get-Content -LiteralPath $path -Raw
    exit 0
} catch {
    Write-Arr502Error -Schema 'manifest' -Message $_.Exception.Message
    exit 2
}
