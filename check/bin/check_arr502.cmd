@echo off
rem check_arr502 launcher for NSClient++ / NRPE on the IIS host. Keeps the plugin contract when Java is missing.
setlocal
set "HERE=%~dp0"
set "JAR=%ARR502_JAR%"
if "%JAR%"=="" if exist "%HERE%check_arr502.jar" set "JAR=%HERE%check_arr502.jar"
if "%JAR%"=="" if exist "%HERE%..\target\check_arr502.jar" set "JAR=%HERE%..\target\check_arr502.jar"
if "%JAR%"=="" (
  echo ARR502 UNKNOWN - check_arr502.jar not found next to %~f0 ^(set ARR502_JAR^)
  exit /b 3
)
set "JAVA=java"
if not "%JAVA_HOME%"=="" set "JAVA=%JAVA_HOME%\bin\java"
set "OPTS=-Xlog:disable -Xlog:all=off -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
rem one-time AppCDS training next to the jar (see check_arr502 for why); delete the .jsa after a Java update
set "CDS=%JAR:.jar=.jsa%"
if not exist "%CDS%" (
  "%JAVA%" %OPTS% -XX:ArchiveClassesAtExit="%CDS%.tmp" -cp "%JAR%" io.arr502.check.CdsTraining >nul 2>&1 && move /y "%CDS%.tmp" "%CDS%" >nul 2>&1
  if exist "%CDS%.tmp" del /q "%CDS%.tmp" >nul 2>&1
)
set "SHARE="
if exist "%CDS%" set "SHARE=-XX:SharedArchiveFile=%CDS% -Xshare:auto"
"%JAVA%" %OPTS% %SHARE% %ARR502_JAVA_OPTS% -jar "%JAR%" %*
if errorlevel 9009 (
  echo ARR502 UNKNOWN - no java found ^(set JAVA_HOME^)
  exit /b 3
)
exit /b %ERRORLEVEL%
