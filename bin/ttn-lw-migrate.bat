@echo off
rem Runs ttn-lw-migrate from an unpacked distribution (the jar in ..\lib).
rem stdout carries device JSON and nothing else: the JVM's own messages go to stderr.
rem The client compiler only: it halves start-up CPU and is no slower for a run that waits on
rem the network (docs/performance.md); JAVA_OPTS may say otherwise. No start-up archive here.
setlocal
set "JAR=%~dp0..\lib\ttn-lw-migrate.jar"
if not "%TTN_LW_MIGRATE_JAR%"=="" set "JAR=%TTN_LW_MIGRATE_JAR%"
if not exist "%JAR%" (
  echo ttn-lw-migrate: %JAR% not found 1>&2
  exit /b 2
)
set "JAVA_CMD=java"
if not "%JAVA_HOME%"=="" set "JAVA_CMD=%JAVA_HOME%\bin\java"
"%JAVA_CMD%" -Xlog:disable "-Xlog:all=warning,cds*=off:stderr" -XX:+DisplayVMOutputToStderr -XX:TieredStopAtLevel=1 %JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
