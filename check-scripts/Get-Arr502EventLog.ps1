<#
.SYNOPSIS
    Application log entries about ARR or 502.3, and the System log's WAS application pool failures.
.DESCRIPTION
    Runs the runbook's triage query (Get-WinEvent on the Application log, message matching '502.3|ARR')
    bounded by a start time and -MaxEvents, and collects WAS events 5002 (rapid-fail protection),
    5009 (worker process terminated), 5010 (failed to respond to ping) and 5011 (fatal communication error).
    Prints one JSON document (schema arr502.eventlog).
.PARAMETER Hours
    How far back to look.
.PARAMETER MaxEvents
    The most entries read from each log.
.PARAMETER Pattern
    Regular expression an Application log message must match.
.EXAMPLE
    .\Get-Arr502EventLog.ps1 -Hours 2 -MaxEvents 500
#>
[CmdletBinding()]
param(
    [ValidateRange(1, 720)][int]$Hours = 24,
    [ValidateRange(1, 100000)][int]$MaxEvents = 1000,
    [string]$Pattern = '502\.3|ARR'
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
. (Join-Path -Path $PSScriptRoot -ChildPath 'Arr502Common.ps1')

function Get-Arr502Entries {
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][hashtable]$Filter, [int]$Max)
    # "No events were found" is an answer, not a failure
    $events = @(Get-WinEvent -FilterHashtable $Filter -MaxEvents $Max -ErrorAction SilentlyContinue)
    foreach ($e in $events) {
        [ordered]@{
            time     = ConvertTo-Arr502Time -Time $e.TimeCreated
            id       = $e.Id
            provider = $e.ProviderName
            level    = $e.LevelDisplayName
            logName  = $e.LogName
            message  = [string]$e.Message
        }
    }
}

try {
    $since = (Get-Date).AddHours(-$Hours)
    $application = @(Get-Arr502Entries -Filter @{ LogName = 'Application'; StartTime = $since } -Max $MaxEvents |
        Where-Object -FilterScript { $_.message -match $Pattern })
    $was = @(Get-Arr502Entries -Filter @{ LogName = 'System'; ProviderName = 'Microsoft-Windows-WAS'; Id = @(5002, 5009, 5010, 5011); StartTime = $since } -Max $MaxEvents)
    Write-Arr502Document -Schema 'eventlog' -Data ([ordered]@{ application = $application; was = $was })
    exit 0
} catch {
    Write-Arr502Error -Schema 'eventlog' -Message $_.Exception.Message
    exit 2
}
