<#
.SYNOPSIS
    Shared helpers for the arr502 collectors: one JSON document per run, errors as JSON with a non-zero exit.
.DESCRIPTION
    Dot-sourced by every Get-Arr502*.ps1 / Test-Arr502*.ps1 script. Works in Windows PowerShell 5.1 and PowerShell 7.
    Documents are pure ASCII (every non-ASCII character escaped as \uXXXX), so no console code page, Out-File default
    (UTF-16LE in 5.1) or Start-Process redirection (OEM code page) can change what arr502 reads. With -OutFile a
    collector writes its own file as UTF-8 without BOM; without it the document goes to the pipeline.
#>
Set-StrictMode -Version Latest

function ConvertTo-Arr502Ascii {
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][AllowEmptyString()][string]$Json)
    # Windows PowerShell 5.1's ConvertTo-Json has no -EscapeHandling: escape by hand, one UTF-16 unit at a time
    # (surrogate pairs become two escapes, as JSON wants); the evaluator runs only for non-ASCII characters
    $evaluator = [System.Text.RegularExpressions.MatchEvaluator] { param($m) '\u{0:x4}' -f [int][char]$m.Value }
    return [System.Text.RegularExpressions.Regex]::Replace($Json, '[^\x00-\x7F]', $evaluator)
}

function Save-Arr502Text {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)][string]$Path,
        [Parameter(Mandatory = $true)][AllowEmptyString()][string]$Text
    )
    # written whole to a temporary file, then swapped in: a reader never sees half a document
    $tmp = "$Path.tmp"
    [System.IO.File]::WriteAllText($tmp, $Text, (New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false))
    if ([System.IO.File]::Exists($Path)) {
        [System.IO.File]::Replace($tmp, $Path, [NullString]::Value)
    } else {
        [System.IO.File]::Move($tmp, $Path)
    }
}

function Write-Arr502Document {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)][string]$Schema,
        [Parameter(Mandatory = $true)][AllowNull()][object]$Data,
        [string]$OutFile = ''
    )
    $doc = [ordered]@{
        schema        = "arr502.$Schema"
        schemaVersion = 1
        host          = [System.Net.Dns]::GetHostName()
        collectedAt   = (Get-Date).ToUniversalTime().ToString('o')
        data          = $Data
    }
    $json = ConvertTo-Arr502Ascii -Json (ConvertTo-Json -InputObject $doc -Depth 8 -Compress)
    if ($OutFile -ne '') {
        Save-Arr502Text -Path $OutFile -Text $json
    } else {
        Write-Output $json
    }
}

function Write-Arr502Error {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)][string]$Schema,
        [Parameter(Mandatory = $true)][string]$Message,
        [string]$OutFile = ''
    )
    $doc = [ordered]@{
        schema        = "arr502.$Schema"
        schemaVersion = 1
        host          = [System.Net.Dns]::GetHostName()
        collectedAt   = (Get-Date).ToUniversalTime().ToString('o')
        error         = ($Message -replace '[\r\n]+', ' ')
    }
    $json = ConvertTo-Arr502Ascii -Json (ConvertTo-Json -InputObject $doc -Depth 3 -Compress)
    if ($OutFile -ne '') {
        Save-Arr502Text -Path $OutFile -Text $json
    } else {
        Write-Output $json
    }
}

function ConvertTo-Arr502Time {
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][datetime]$Time)
    # ISO-8601 UTC, so Windows PowerShell 5.1's \/Date()\/ form never reaches the parser
    return $Time.ToUniversalTime().ToString('o')
}

function Get-Arr502Identity {
    [CmdletBinding()]
    param()
    # who runs the collector, and whether the token is elevated: appcmd and applicationHost.config need an administrator
    $id = [System.Security.Principal.WindowsIdentity]::GetCurrent()
    $principal = New-Object -TypeName System.Security.Principal.WindowsPrincipal -ArgumentList $id
    return [ordered]@{
        name          = $id.Name
        administrator = $principal.IsInRole([System.Security.Principal.WindowsBuiltInRole]::Administrator)
    }
}

function Test-Arr502AccessDenied {
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][System.Management.Automation.ErrorRecord]$Record)
    # language-neutral: by exception type and HRESULT (E_ACCESSDENIED 0x80070005), never by message text;
    # RegistryKey.OpenSubKey throws SecurityException when the key may not be read
    $e = $Record.Exception
    while ($null -ne $e) {
        if ($e -is [System.UnauthorizedAccessException] -or $e -is [System.Security.SecurityException] -or $e.HResult -eq -2147024891) {
            return $true
        }
        $e = $e.InnerException
    }
    return $Record.CategoryInfo.Category -eq [System.Management.Automation.ErrorCategory]::PermissionDenied
}
