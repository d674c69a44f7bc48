# The one place the version is set: the top-level project and the stand-alone engine
# project (cmake -S engine) both pass it to project(), and the code reads PROJECT_VERSION.
set(DRS_VERSION 0.1.0)
