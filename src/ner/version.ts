// Version of the trained model format/recipe.
export const MODEL_VERSION = '1';
