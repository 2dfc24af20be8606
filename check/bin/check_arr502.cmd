@echo off
rem check_arr502 launcher for NSClient++ / NRPE on the IIS host. Keeps the plugin contract when Java is missing.
setlocal
if "%~1"=="--arr502-cds-train" goto train
rem the short (8.3) form where there is one: Java 17 shares no class from a class path with a space
set "HERE=%~sdp0"
set "JAR=%ARR502_JAR%"
if "%JAR%"=="" if exist "%HERE%check_arr502.jar" set "JAR=%HERE%check_arr502.jar"
if "%JAR%"=="" if exist "%HERE%..\target\check_arr502.jar" set "JAR=%HERE%..\target\check_arr502.jar"
if not "%JAR%"=="" goto found
echo ARR502 UNKNOWN - check_arr502.jar not found next to %~f0 ^(set ARR502_JAR^)
exit /b 3
:found
set "JAVA=java"
if not "%JAVA_HOME%"=="" set "JAVA=%JAVA_HOME%\bin\java"
set "OPTS=-Xlog:disable -Xlog:all=off -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData"
rem One-time AppCDS training next to the jar (see check_arr502 for why). It runs in the background, as
rem this script with --arr502-cds-train, so this check keeps its whole -t budget. Delete the .jsa after a
rem Java update.
set "CDS=%JAR:.jar=.jsa%"
set "SHARE="
if exist "%CDS%" set SHARE="-XX:SharedArchiveFile=%CDS%" -Xshare:auto
if exist "%CDS%" goto run
if exist "%CDS%.training" goto run
mkdir "%CDS%.training" >nul 2>&1 || goto run
start "" /b "%~f0" --arr502-cds-train <nul >nul 2>&1
:run
rem Not run straight through: a JVM that cannot start (a bad ARR502_JAVA_OPTS, too little memory) exits 1
rem with nothing on stdout, which the daemon would show as WARNING. The answer goes to a file in the
rem account's own %TEMP% first; no answer, or an exit code outside 0-3, is UNKNOWN (as check_arr502 does).
set "OUT=%TEMP%\arr502-%RANDOM%%RANDOM%.out"
"%JAVA%" %OPTS% %SHARE% %ARR502_JAVA_OPTS% -jar "%JAR%" %* >"%OUT%"
set "RC=%ERRORLEVEL%"
if "%RC%"=="9009" goto nojava
set "SIZE=0"
for %%F in ("%OUT%") do set "SIZE=%%~zF"
if "%SIZE%"=="" set "SIZE=0"
if %SIZE% EQU 0 goto nostart
if %RC% LSS 0 goto nostart
if %RC% GTR 3 goto nostart
type "%OUT%"
del /q "%OUT%" >nul 2>&1
exit /b %RC%
:nostart
del /q "%OUT%" >nul 2>&1
echo ARR502 UNKNOWN - java could not run the check ^(exit %RC%, no answer^): run this launcher by hand to see why ^(ARR502_JAVA_OPTS? memory?^)
exit /b 3
:nojava
del /q "%OUT%" >nul 2>&1
echo ARR502 UNKNOWN - no java found ^(set JAVA_HOME^)
exit /b 3
:train
rem JAVA, OPTS, JAR and CDS come from the starting script's environment
rem a static archive: Java 17 leaves picocli's Java 5 classes out of a dynamic one (see check_arr502)
"%JAVA%" %OPTS% -XX:DumpLoadedClassList="%CDS%.lst" -cp "%JAR%" io.arr502.check.CdsTraining >nul 2>&1
if errorlevel 1 goto trained
"%JAVA%" -Xlog:disable -Xlog:all=off -Xshare:dump -XX:SharedClassListFile="%CDS%.lst" -XX:SharedArchiveFile="%CDS%.tmp" -cp "%JAR%" >nul 2>&1
if not errorlevel 1 move /y "%CDS%.tmp" "%CDS%" >nul 2>&1
:trained
if exist "%CDS%.tmp" del /q "%CDS%.tmp" >nul 2>&1
if exist "%CDS%.lst" del /q "%CDS%.lst" >nul 2>&1
rem the lock stays when training failed, so it is not retried on every check; delete it to retry
if exist "%CDS%" rmdir "%CDS%.training" >nul 2>&1
exit /b 0
