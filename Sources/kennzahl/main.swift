import Kennzahlen
