<#
.SYNOPSIS
    Installs (once) a Windows performance counter data collector that logs arr502's counters all the time, so a
    triage sees them over its whole window instead of a sample of seconds; -Uninstall removes it.
.DESCRIPTION
    The counters are those Get-Arr502Counters.ps1 reads, in the host's language: the script asks
    Get-Arr502Counters.ps1 -ListCounterPaths for the local paths (English names mapped through Perflib\009), so a
    German or French host logs its own names. The collector is created with logman as a circular binary log
    (-f bincirc -max MaxSizeMB): one file that keeps the newest samples and never grows past its size, every
    SampleInterval seconds, in Folder\Name.blg (--v: no version suffix), which Get-Arr502Counters.ps1 reads back
    with Import-Counter (it takes the newest Folder\Name*.blg). A scheduled task (schtasks /SC ONSTART, as SYSTEM)
    starts it again after a reboot, since a data collector does not restart by itself. Every command is printed before it runs, in a form that runs as pasted in PowerShell.
    Needs: an administrator (logman create and schtasks /Create /RU SYSTEM).
    Sources: learn.microsoft.com "logman create counter", "logman" (start, stop, delete, query), "schtasks create".
.PARAMETER Name
    Name of the data collector and of the scheduled task.
.PARAMETER Folder
    Folder of the log file.
.PARAMETER SampleInterval
    Seconds between samples.
.PARAMETER MaxSizeMB
    Size of the circular log; the oldest samples are overwritten beyond it.
.PARAMETER Force
    Replace a collector of the same name (stopped and deleted first; its log file is kept).
.PARAMETER Uninstall
    Stop and delete the collector and its scheduled task. The log files are kept; the command to remove them is printed.
.EXAMPLE
    .\Install-Arr502CounterLog.ps1
.EXAMPLE
    .\Install-Arr502CounterLog.ps1 -Uninstall
#>
[CmdletBinding()]
param(
    [ValidatePattern('^[A-Za-z0-9_-]{1,64}$')][string]$Name = 'arr502-counters',
    [string]$Folder = (Join-Path -Path $env:SystemDrive -ChildPath 'PerfLogs\arr502'),
    [ValidateRange(1, 300)][int]$SampleInterval = 15,
    [ValidateRange(8, 4096)][int]$MaxSizeMB = 64,
    [switch]$Force,
    [switch]$Uninstall
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
. (Join-Path -Path $PSScriptRoot -ChildPath 'Arr502Common.ps1')

$logman = Join-Path -Path $env:windir -ChildPath 'system32\logman.exe'
$schtasks = Join-Path -Path $env:windir -ChildPath 'system32\schtasks.exe'

function Format-Arr502Argument {
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][AllowEmptyString()][string]$Value)
    # a plain token as it is; anything else single-quoted, which PowerShell takes literally ('' is one quote);
    # '--v' quoted too, so no PowerShell version reads the leading -- as its own end-of-parameters marker
    if ($Value -match '^[A-Za-z0-9_.:\\/-]+$' -and -not $Value.StartsWith('--')) {
        return $Value
    }
    return "'" + ($Value -replace "'", "''") + "'"
}

function Invoke-Arr502Tool {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)][string]$Tool,
        [Parameter(Mandatory = $true)][string]$Shown,
        [Parameter(Mandatory = $true)][string[]]$Arguments,
        [switch]$MayFail
    )
    $line = '& "' + $Shown + '" ' + (($Arguments | ForEach-Object -Process { Format-Arr502Argument -Value $_ }) -join ' ')
    Write-Host $line
    # a native tool's stderr line must not become a terminating error under 'Stop' (Windows PowerShell 5.1)
    $ErrorActionPreference = 'Continue'
    $out = & $Tool @Arguments 2>&1 | Out-String
    $code = $LASTEXITCODE
    if ($code -ne 0 -and -not $MayFail) {
        throw ("exit code {0}: {1}" -f $code, ($out.Trim() -replace '[\r\n]+', ' '))
    }
    return $code
}

try {
    $identity = Get-Arr502Identity
    if (-not $identity.administrator) {
        Write-Warning -Message "running as $($identity.name) without administrator rights: logman and schtasks will refuse"
    }
    $shownLogman = '$env:windir\system32\logman.exe'
    $shownSchtasks = '$env:windir\system32\schtasks.exe'
    if ($Uninstall) {
        [void](Invoke-Arr502Tool -Tool $schtasks -Shown $shownSchtasks -Arguments @('/Delete', '/TN', $Name, '/F') -MayFail)
        [void](Invoke-Arr502Tool -Tool $logman -Shown $shownLogman -Arguments @('stop', $Name) -MayFail)
        [void](Invoke-Arr502Tool -Tool $logman -Shown $shownLogman -Arguments @('delete', $Name))
        Write-Host "counter collector $Name removed; its log files are kept. To delete them:"
        Write-Host ("Remove-Item -LiteralPath {0} -Recurse" -f (Format-Arr502Argument -Value $Folder))
        exit 0
    }

    # the host's own counter paths, resolved exactly as the collector resolves them
    $paths = @(& (Join-Path -Path $PSScriptRoot -ChildPath 'Get-Arr502Counters.ps1') -ListCounterPaths)
    if ($LASTEXITCODE -ne 0 -or $paths.Count -eq 0) {
        throw 'Get-Arr502Counters.ps1 -ListCounterPaths found no counter of arr502 on this host (is IIS installed?)'
    }
    $exists = (Invoke-Arr502Tool -Tool $logman -Shown $shownLogman -Arguments @('query', $Name) -MayFail) -eq 0
    if ($exists -and -not $Force) {
        throw "a data collector named $Name exists already; run again with -Force to replace it, or with -Uninstall"
    }
    if ($exists) {
        [void](Invoke-Arr502Tool -Tool $logman -Shown $shownLogman -Arguments @('stop', $Name) -MayFail)
        [void](Invoke-Arr502Tool -Tool $logman -Shown $shownLogman -Arguments @('delete', $Name))
    }
    New-Item -ItemType Directory -Force -Path $Folder | Out-Null
    $interval = [TimeSpan]::FromSeconds($SampleInterval).ToString('hh\:mm\:ss')
    $output = Join-Path -Path $Folder -ChildPath "$Name.blg"
    # --v: no version suffix on the file name ("-[-]v": an extra hyphen negates the option)
    [void](Invoke-Arr502Tool -Tool $logman -Shown $shownLogman -Arguments (@('create', 'counter', $Name, '-f', 'bincirc', '-max', "$MaxSizeMB",
                '-si', $interval, '--v', '-o', $output, '-c') + $paths))
    [void](Invoke-Arr502Tool -Tool $logman -Shown $shownLogman -Arguments @('start', $Name))
    # a data collector does not start again after a reboot by itself
    [void](Invoke-Arr502Tool -Tool $schtasks -Shown $shownSchtasks -Arguments @('/Create', '/TN', $Name, '/SC', 'ONSTART', '/RU', 'SYSTEM',
            '/TR', "$logman start $Name", '/F'))
    Write-Host ("counter collector {0}: {1} counters every {2} s into {3} (circular, {4} MB); Get-Arr502Counters.ps1 reads it back" -f `
            $Name, $paths.Count, $SampleInterval, $output, $MaxSizeMB)
    exit 0
} catch {
    Write-Host "Install-Arr502CounterLog: $($_.Exception.Message -replace '[\r\n]+', ' ')"
    exit 1
}
