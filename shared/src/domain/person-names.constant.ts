/** Common given names and surnames across Latin America, for generated demo and benchmark debtors. */
export const GIVEN_NAMES_FEMALE = [
  'María', 'Guadalupe', 'Ana', 'Sofía', 'Valentina', 'Camila', 'Daniela', 'Fernanda', 'Lucía', 'Isabel',
  'Gabriela', 'Paola', 'Carolina', 'Andrea', 'Verónica', 'Patricia', 'Rosa', 'Leticia', 'Mariana', 'Natalia',
  'Claudia', 'Adriana', 'Alejandra', 'Jimena', 'Renata', 'Teresa', 'Marisol', 'Yolanda', 'Beatriz', 'Lorena',
] as const;

export const GIVEN_NAMES_MALE = [
  'José', 'Juan', 'Luis', 'Carlos', 'Jorge', 'Miguel', 'Alejandro', 'Diego', 'Andrés', 'Javier',
  'Fernando', 'Ricardo', 'Eduardo', 'Roberto', 'Francisco', 'Sergio', 'Manuel', 'Santiago', 'Mateo', 'Sebastián',
  'Raúl', 'Héctor', 'Óscar', 'Arturo', 'Gustavo', 'Rafael', 'Daniel', 'Pablo', 'Emilio', 'Hugo',
] as const;

export const SURNAMES = [
  'García', 'Rodríguez', 'Martínez', 'Hernández', 'López', 'González', 'Pérez', 'Sánchez', 'Ramírez', 'Torres',
  'Flores', 'Rivera', 'Gómez', 'Díaz', 'Cruz', 'Morales', 'Reyes', 'Gutiérrez', 'Ortiz', 'Chávez',
  'Ramos', 'Ruiz', 'Vargas', 'Castillo', 'Jiménez', 'Moreno', 'Romero', 'Herrera', 'Medina', 'Aguilar',
  'Castro', 'Vázquez', 'Mendoza', 'Guerrero', 'Rojas', 'Salazar', 'Cortés', 'Navarro', 'Peña', 'Ríos',
  'Zambrano', 'Quispe', 'Muñoz', 'Paredes', 'Cárdenas', 'Villanueva', 'Benítez', 'Escobar', 'Bravo', 'Suárez',
] as const;
