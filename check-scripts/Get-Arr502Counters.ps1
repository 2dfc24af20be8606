<#
.SYNOPSIS
    Samples the performance counters behind a 502.3: connections, ASP.NET and HTTP.sys queues, ARR per-server counters,
    on a host of any display language.
.DESCRIPTION
    Get-Counter takes counter paths in the host's language ("\Webdienst(_Total)\Aktuelle Verbindungen" on a German
    host), so English paths fail there. Each English name is looked up in the registry's English name table
    (HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Perflib\009, "Counter": index/name pairs) and the index is
    mapped to the host's name in Perflib\CurrentLanguage; where one English counter name has several indices, the one
    that Get-Counter -ListSet lists in the set is taken. Names missing from the tables (a provider that registers
    English names only) are tried as written. The document carries the English path (path), the local path
    (localPath), the language found (Perflib\CurrentLanguage and the UI culture) and whether each name was mapped.
    Over the window: when the counter log that Install-Arr502CounterLog.ps1 creates exists (CounterLogFolder\
    CounterLogName*.blg), the samples of its last WindowMinutes are read back with Import-Counter (source
    "counterLog"). Otherwise, or when the log cannot be read (PowerShell 7 has no Import-Counter; a log with no sample
    in the window), Get-Counter samples every SampleInterval seconds for MaxSamples samples (source "live"), and the
    document says why in notes or problems. spanSeconds and sampleCount say how much of the window the samples cover.
    A set that is not installed is listed in missing, not fatal.
    Needs: any user in Performance Monitor Users, or an administrator (reading counters of IIS worker processes);
    reading the counter log needs read access to its folder.
    Prints one JSON document (schema arr502.counters).
.PARAMETER SampleInterval
    Seconds between samples.
.PARAMETER MaxSamples
    Samples per counter.
.PARAMETER WindowMinutes
    The triage window: how many minutes of the counter log are read back.
.PARAMETER CounterLogName
    Name of the counter data collector (Install-Arr502CounterLog.ps1 -Name).
.PARAMETER CounterLogFolder
    Folder of its log files (Install-Arr502CounterLog.ps1 -Folder).
.PARAMETER ListCounterPaths
    Print the host's local counter paths, one a line, and exit: what Install-Arr502CounterLog.ps1 logs.
.PARAMETER OutFile
    Write the document here (UTF-8, ASCII-escaped) instead of to the pipeline.
.EXAMPLE
    .\Get-Arr502Counters.ps1 -SampleInterval 2 -MaxSamples 5
.EXAMPLE
    .\Get-Arr502Counters.ps1 -WindowMinutes 60
#>
[CmdletBinding()]
param(
    [ValidateRange(1, 60)][int]$SampleInterval = 2,
    [ValidateRange(1, 1800)][int]$MaxSamples = 5,
    [ValidateRange(1, 360)][int]$WindowMinutes = 60,
    [ValidatePattern('^[A-Za-z0-9_-]{1,64}$')][string]$CounterLogName = 'arr502-counters',
    [string]$CounterLogFolder = (Join-Path -Path $env:SystemDrive -ChildPath 'PerfLogs\arr502'),
    [switch]$ListCounterPaths,
    [string]$OutFile = ''
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
. (Join-Path -Path $PSScriptRoot -ChildPath 'Arr502Common.ps1')

# English set, instance, counter: the names of the documented counters (iis-docs ARR performance counters; ASP.NET)
$wanted = @(
    @('Web Service', '_Total', 'Current Connections'),
    @('ASP.NET', '', 'Requests Queued'),
    @('ASP.NET', '', 'Requests Rejected'),
    @('ASP.NET Applications', '__Total__', 'Requests in Application Queue'),
    @('HTTP Service Request Queues', '*', 'CurrentQueueSize'),
    @('HTTP Service Request Queues', '*', 'RejectedRequests'),
    @('Application Request Routing Server', '*', 'Current Requests'),
    @('Application Request Routing Server', '*', 'Failed Requests'),
    @('Application Request Routing Server', '*', 'Health'),
    @('Application Request Routing Server', '*', 'State'),
    @('Application Request Routing Server', '*', 'Average Response Time / Request')
)

function Read-Arr502PerflibNames {
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$Language)
    # REG_MULTI_SZ "Counter": index, name, index, name, ...; returns name -> list of indices and index -> name
    $key = "HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Perflib\$Language"
    $pairs = @((Get-ItemProperty -LiteralPath $key -Name 'Counter').Counter)
    $byName = @{}
    $byIndex = @{}
    for ($i = 0; $i + 1 -lt $pairs.Count; $i += 2) {
        $index = $pairs[$i]
        $name = $pairs[$i + 1]
        $byIndex[$index] = $name
        if (-not $byName.ContainsKey($name)) {
            $byName[$name] = New-Object -TypeName System.Collections.ArrayList
        }
        [void]$byName[$name].Add($index)
    }
    return @{ byName = $byName; byIndex = $byIndex }
}

function Get-Arr502LocalName {
    [CmdletBinding()]
    param($English, $Local, [string]$Name)
    $out = @()
    if ($English.byName.ContainsKey($Name)) {
        foreach ($index in $English.byName[$Name]) {
            if ($Local.byIndex.ContainsKey($index)) {
                $out += $Local.byIndex[$index]
            }
        }
    }
    return @($out | Select-Object -Unique)
}

try {
    $problems = New-Object -TypeName System.Collections.ArrayList
    $language = [ordered]@{ perflibCurrentLanguage = $null; uiCulture = [System.Globalization.CultureInfo]::CurrentUICulture.Name; namesMapped = $false }
    $english = $null
    $local = $null
    try {
        $english = Read-Arr502PerflibNames -Language '009'
        $local = Read-Arr502PerflibNames -Language 'CurrentLanguage'
        $language.namesMapped = $true
        # Perflib\CurrentLanguage follows the UI language: its primary language id, as Perflib names its folders (009, 007, 00C)
        $language.perflibCurrentLanguage = '{0:X3}' -f ([System.Globalization.CultureInfo]::CurrentUICulture.LCID -band 0x3ff)
    } catch {
        [void]$problems.Add("counters: cannot read the counter name tables under Perflib ($($_.Exception.Message -replace '[\r\n]+', ' ')); English paths are tried as written and fail on a non-English host")
    }

    $plan = @()
    $missing = @()
    foreach ($w in $wanted) {
        $set = $w[0]
        $instance = $w[1]
        $counter = $w[2]
        $englishPath = '\' + $set + $(if ($instance -ne '') { "($instance)" } else { '' }) + '\' + $counter
        $localSets = @($set)
        if ($null -ne $english) {
            $mapped = @(Get-Arr502LocalName -English $english -Local $local -Name $set)
            if ($mapped.Count -gt 0) {
                $localSets = $mapped
            }
        }
        $listSet = $null
        foreach ($candidate in $localSets) {
            $listSet = @(Get-Counter -ListSet $candidate -ErrorAction SilentlyContinue) | Select-Object -First 1
            if ($null -ne $listSet) {
                break
            }
        }
        if ($null -eq $listSet) {
            $missing += $englishPath
            continue
        }
        # the counter's local name: the candidate index whose name this set really lists
        $localCounter = $null
        $candidates = @($counter)
        if ($null -ne $english) {
            $candidates = @(Get-Arr502LocalName -English $english -Local $local -Name $counter) + @($counter)
        }
        foreach ($c in $candidates) {
            $hit = @($listSet.Counter | Where-Object -FilterScript { $_ -like "*\$c" })
            if ($hit.Count -gt 0) {
                $localCounter = $c
                break
            }
        }
        if ($null -eq $localCounter) {
            $missing += $englishPath
            continue
        }
        $localPath = '\' + $listSet.CounterSetName + $(if ($instance -ne '') { "($instance)" } else { '' }) + '\' + $localCounter
        $plan += [ordered]@{ englishPath = $englishPath; localPath = $localPath; set = $listSet.CounterSetName; counter = $localCounter }
    }

    # --- counter log (Install-Arr502CounterLog.ps1) or live sample -----------------------------------------------
    if ($ListCounterPaths) {
        foreach ($m in $missing) {
            Write-Warning -Message "not installed on this host: $m"
        }
        foreach ($p in $plan) {
            Write-Output $p.localPath
        }
        exit 0
    }
    $notes = New-Object -TypeName System.Collections.ArrayList
    $source = 'live'
    $logInfo = $null
    $result = @()
    $log = $null
    if (Test-Path -LiteralPath $CounterLogFolder -PathType Container) {
        $log = Get-ChildItem -LiteralPath $CounterLogFolder -Filter "$CounterLogName*.blg" -File -ErrorAction SilentlyContinue |
            Sort-Object -Property LastWriteTime -Descending | Select-Object -First 1
    }
    if ($null -eq $log) {
        [void]$notes.Add("no counter log $CounterLogName in $CounterLogFolder (Install-Arr502CounterLog.ps1 creates it); a live sample of $(($MaxSamples - 1) * $SampleInterval) s was taken")
    } elseif ($null -eq (Get-Command -Name 'Import-Counter' -ErrorAction SilentlyContinue)) {
        # Import-Counter ships with Windows PowerShell 5.1 only (Microsoft.PowerShell.Diagnostics 5.1)
        [void]$notes.Add("counter log $($log.FullName) not read: PowerShell $($PSVersionTable.PSVersion) has no Import-Counter (run the collectors with Windows PowerShell 5.1); a live sample was taken")
    } else {
        $since = (Get-Date).AddMinutes(-$WindowMinutes)
        $readError = $null
        try {
            $result = @(Import-Counter -Path $log.FullName -StartTime $since -ErrorAction Stop)
        } catch {
            $readError = $_.Exception.Message -replace '[\r\n]+', ' '
            $result = @()
        }
        if ($result.Count -gt 0) {
            $source = 'counterLog'
            $logInfo = [ordered]@{ name = $CounterLogName; path = $log.FullName; lastWriteTime = (ConvertTo-Arr502Time -Time $log.LastWriteTime) }
            $newest = $result[$result.Count - 1].Timestamp
            if (((Get-Date) - $newest).TotalMinutes -gt 5) {
                [void]$problems.Add("counters: the counter log ends at $(ConvertTo-Arr502Time -Time $newest): its collector is not running (start it: logman start $CounterLogName)")
            }
            if ($result.Count -gt 1) {
                $SampleInterval = [int][Math]::Round(($result[1].Timestamp - $result[0].Timestamp).TotalSeconds)
            }
        } elseif ($null -ne $readError) {
            [void]$problems.Add("counters: the counter log $($log.FullName) cannot be read ($readError); a live sample was taken")
        } else {
            [void]$problems.Add("counters: the counter log $($log.FullName) has no sample in the last $WindowMinutes minutes (is its collector running? logman start $CounterLogName); a live sample was taken")
        }
    }
    if ($source -eq 'live' -and $plan.Count -gt 0) {
        $paths = @($plan | ForEach-Object -Process { $_.localPath })
        try {
            $result = @(Get-Counter -Counter $paths -SampleInterval $SampleInterval -MaxSamples $MaxSamples -ErrorAction Stop)
        } catch {
            if (Test-Arr502AccessDenied -Record $_) {
                [void]$problems.Add("counters: access denied as $((Get-Arr502Identity).name) (needs Performance Monitor Users or an administrator)")
            } else {
                [void]$problems.Add("counters: $($_.Exception.Message -replace '[\r\n]+', ' ')")
            }
        }
    }
    $samples = New-Object -TypeName System.Collections.ArrayList
    $first = $null
    $last = $null
    $englishOf = @{}
    foreach ($set in $result) {
        foreach ($s in $set.CounterSamples) {
            # \\host\set(instance)\counter -> the English path of the plan entry it came from (looked up once a path)
            if (-not $englishOf.ContainsKey($s.Path)) {
                $p = $plan | Where-Object -FilterScript {
                    $s.Path -like ('*\' + $_.set + '(*)\' + $_.counter) -or $s.Path -like ('*\' + $_.set + '\' + $_.counter)
                } | Select-Object -First 1
                $englishOf[$s.Path] = $(if ($null -ne $p) { ($p.englishPath -replace '\(\*\)', "($($s.InstanceName))") } else { $null })
            }
            [void]$samples.Add([ordered]@{
                    path      = $englishOf[$s.Path]
                    localPath = $s.Path
                    instance  = $s.InstanceName
                    value     = $s.CookedValue
                    status    = $s.Status
                    timestamp = ConvertTo-Arr502Time -Time $s.Timestamp
                })
            if ($null -eq $first -or $s.Timestamp -lt $first) { $first = $s.Timestamp }
            if ($null -eq $last -or $s.Timestamp -gt $last) { $last = $s.Timestamp }
        }
    }
    # --- end counter log or live sample -------------------------------------------------------------------------
    $span = $(if ($null -ne $first) { [int]($last - $first).TotalSeconds } else { 0 })
    Write-Arr502Document -Schema 'counters' -OutFile $OutFile -Data ([ordered]@{
            language       = $language
            source         = $source
            counterLog     = $logInfo
            windowMinutes  = $WindowMinutes
            sampleInterval = $SampleInterval
            spanSeconds    = $span
            sampleCount    = $samples.Count
            samples        = @($samples)
            missing        = $missing
            notes          = @($notes)
            problems       = @($problems)
        })
    exit 0
} catch {
    Write-Arr502Error -Schema 'counters' -Message $_.Exception.Message -OutFile $OutFile
    exit 2
}
