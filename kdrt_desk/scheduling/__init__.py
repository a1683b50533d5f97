"""Scheduling: the Palembang calendar (public holidays, cuti bersama, Ramadan, prayer times) and,
later, routines and the solver. Qt-free; OR-Tools is imported lazily where it is used."""
